"""analyzers/run.py: progress reports and the memory a long text keeps."""

from __future__ import annotations

from analyzers import analyze, analyze_progressive
from analyzers.run import make_docs
from analyzers.text import chunks, word_count

PARA = '"We will act," said Mayor Ilse Brandvik on Tuesday. The plan costs $4 million.'


def long_text(n: int = 300) -> str:
    return "\n\n".join(f"{i}. {PARA}" for i in range(n))


def recorder():
    calls: list[tuple[int, int]] = []
    return calls, lambda done, total: calls.append((done, total))


def test_progress_counts_the_words_chunk_by_chunk_and_ends_complete(rules_pipe):
    text = long_text()
    calls, progress = recorder()
    analysis = analyze(text, pipeline=rules_pipe, progress=progress)
    total = word_count(text)
    assert len(calls) == len(chunks(text)) + 1
    assert {t for _, t in calls} == {total}
    done = [d for d, _ in calls]
    assert done == sorted(done) and done[0] > 0
    assert done[-2] < total and done[-1] == total   # complete only after the components
    assert analysis == analyze(text, pipeline=rules_pipe)   # reporting changes nothing


def test_progress_over_several_texts_counts_them_all(rules_pipe):
    from analyzers import analyze_many

    texts = [long_text(100), "A short one.", long_text(50)]
    calls, progress = recorder()
    list(analyze_many(texts, pipeline=rules_pipe, progress=progress))
    assert calls[-1] == (sum(map(word_count, texts)),) * 2


def test_progressive_analysis_reports_progress_too(full_pipe):
    text = long_text()
    calls, progress = recorder()
    steps = list(analyze_progressive(text, pipeline=full_pipe, progress=progress))
    assert len(steps) >= 2
    assert calls[-1] == (word_count(text),) * 2
    assert len(calls) == len(chunks(text)) + 1
    assert steps[-1] == analyze(text, pipeline=full_pipe)


def test_a_short_text_reports_once_it_is_done(rules_pipe):
    calls, progress = recorder()
    analyze("The council met.", pipeline=rules_pipe, progress=progress)
    assert calls[-1] == (3, 3)


def test_the_merged_document_keeps_no_tensor(full_pipe):
    # tok2vec's 96 floats a token were most of the peak memory of a book-length text
    text = long_text()
    doc = next(make_docs(full_pipe, [text]))
    assert doc.text == text and doc.tensor.size == 0
    assert full_pipe.nlp("A test.").tensor.size > 0   # spaCy does make one
