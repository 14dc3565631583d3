"""Entities: people, organisations and places, merged across mentions; titles make officials.

words -> mentions -> merge (typing by the fullest mention) -> component; titles and lexicon."""

from .component import EntitiesComponent, find_entities, make_entities

__all__ = ["EntitiesComponent", "find_entities", "make_entities"]
