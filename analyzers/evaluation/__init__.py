"""`slant eval`: score the engine on the annotated sets in ../shared/eval.

Each set has a module here exposing `evaluate(data_dir, run) -> SetResult`, where `run`
analyses a list of texts (batched) and returns their `Analysis` objects in order.  The
scoring functions are plain functions over offsets so tests can pin them on tiny cases.
"""
