"""Finding a set's data: its folder under the data root or the set's own folder, and a
`MissingSet` (not a bare FileNotFoundError from deep in a reader) when it is not there."""

from __future__ import annotations

import pytest

from analyzers.evaluation import babe, newsquant, polnear, ptc
from analyzers.evaluation.common import MissingSet, set_folder


def test_set_folder_under_the_root_or_the_set_itself(tmp_path):
    own = tmp_path / "opinion" / "babe"
    own.mkdir(parents=True)
    (own / "labels.csv").write_text("")
    assert set_folder(tmp_path, "opinion/babe", "labels.csv") == own
    assert set_folder(own, "opinion/babe", "labels.csv") == own
    with pytest.raises(MissingSet, match="opinion/ptc"):
        set_folder(tmp_path, "opinion/ptc", "articles")


@pytest.mark.parametrize("module", [babe, newsquant, polnear, ptc])
def test_every_reader_says_its_set_is_missing(tmp_path, module):
    with pytest.raises(MissingSet, match=module.DATASET):
        module.load(tmp_path)


@pytest.mark.parametrize("module, folder", [(polnear, "quotes/polnear-dev/text"),
                                            (ptc, "opinion/ptc/articles")])
def test_a_set_folder_with_no_article_is_missing_too(tmp_path, module, folder):
    (tmp_path / folder).mkdir(parents=True)
    with pytest.raises(MissingSet):
        module.load(tmp_path)
