"""Options worth a second look: ones whose length or topic gives the answer away.

These are warnings for a person to review, never failures; `ruamkit quiz check` lists
them after the problems. Two simple heuristics, over questions with written options
(mcq; ordering steps and the fixed true/false or level options are skipped):

- Length outlier: an option more than `LENGTH_RATIO` times as long as the longest other
  option of its question, or less than 1/`LENGTH_RATIO` of the shortest, in either language
  (Telegram characters). A right answer much longer than the rest is the classic tell.
- Plausibility outlier: a wrong option that shares no content word, in neither Thai nor
  English, with its topic: the questions of its topic (a bank file), their right answers
  and explanations, and the text of the slides they cite. Words most options of the
  question share (their frame: "unit" in "a ... unit") do not count. Content words are
  the tokens `words` yields (the CLI passes the knowledge base's Thai word splitter) that
  are not stop words and have at least `MIN_WORD_CHARS` letters. An option about
  something the topic never touches (an executive's salary, a tourism fund) is easy to
  rule out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator

from quizzes.questions import LANGS, BankProblem, Question, QuestionBank, telegram_length

LENGTH_RATIO = 2.0
MIN_WORD_CHARS = 3
REVIEWED_KINDS = frozenset({"mcq"})

Words = Callable[[str], Iterable[str]]
SlideText = Callable[[str, int], str | None]

# Common English function words; Thai stop words come with the caller's `stopwords`.
_ENGLISH_STOPWORDS = frozenset(
    {
        "the", "and", "but", "for", "with", "from", "are", "was", "were", "been", "being",
        "its", "this", "that", "these", "those", "which", "what", "who", "whom", "whose", "how",
        "why", "when", "where", "than", "then", "not", "does", "did", "can", "could", "should",
        "would", "may", "might", "must", "will", "shall", "their", "there", "they", "them",
        "our", "you", "your", "his", "her", "she", "all", "any", "each", "other", "some",
        "such", "only", "own", "same", "very", "into", "about", "over", "under", "more", "most",
        "less", "least", "one", "two", "also", "just", "out", "off", "according", "lecture",
    }
)  # fmt: skip
# Latin letters, and Thai letters with their vowel and tone marks (which are not "alpha").
_SIMPLE_WORDS = re.compile(r"[a-z\u00c0-\u024f\u0e01-\u0e3a\u0e40-\u0e4e]+")
_LETTER = re.compile(r"[a-z\u00c0-\u024f\u0e01-\u0e2e]")
_DIGIT = re.compile(r"\d")


def simple_words(text: str) -> list[str]:
    """Lower-case runs of letters: a stand-in for a real word splitter (Thai stays in runs)."""
    return _SIMPLE_WORDS.findall(text.lower())


def review_bank(
    bank: QuestionBank,
    *,
    words: Words = simple_words,
    stopwords: Collection[str] = frozenset(),
    slide_text: SlideText | None = None,
) -> list[BankProblem]:
    """Length and plausibility outliers of every reviewed question, as warnings.

    Args:
        bank: the loaded bank.
        words: splits a text into words (default: runs of letters).
        stopwords: extra words that carry no topic (e.g. Thai function words).
        slide_text: the text of a cited (doc, slide), or None; None skips slide context.

    """
    vocabulary = _Vocabulary(words, frozenset(stopwords) | _ENGLISH_STOPWORDS)
    topics = {
        topic: {lang: vocabulary.topic_words(bank.by_topic(topic), lang, slide_text)
                for lang in LANGS}
        for topic in bank.topic_ids()
    }  # fmt: skip
    warnings: list[BankProblem] = []
    for question in bank:
        if question.kind not in REVIEWED_KINDS:
            continue
        context = topics.get(question.topic) or {lang: set() for lang in LANGS}
        messages = [*length_outliers(question), *vocabulary.outliers(question, context)]
        warnings += [
            BankProblem(question.file, question.id, message, question.line or None)
            for message in messages
        ]
    return warnings


def length_outliers(question: Question) -> Iterator[str]:
    """A message for each option that stands out by length from every other of its question."""
    for lang in LANGS:
        lengths = [telegram_length(option.get(lang)) for option in question.options]
        for index, length in enumerate(lengths):
            others = lengths[:index] + lengths[index + 1 :]
            if not others or min(others) == 0:
                continue
            longer = length > LENGTH_RATIO * max(others)
            shorter = length * LENGTH_RATIO < min(others)
            if longer or shorter:
                bound = max(others) if longer else min(others)
                yield (
                    f"review: option {index + 1}{_mark(question, index)} has {length} characters "
                    f"({lang}), every other {'at most' if longer else 'at least'} {bound}; "
                    "its length may give it away"
                )


class _Vocabulary:
    """Content words of texts, by one word splitter and one stop-word list."""

    def __init__(self, words: Words, stopwords: frozenset[str]) -> None:
        self._words, self._stopwords = words, stopwords

    def of(self, text: str) -> set[str]:
        """The content words of `text`, lower-cased."""
        found = (word.strip().lower() for word in self._words(text))
        return {
            word
            for word in found
            if len(word) >= MIN_WORD_CHARS
            and word not in self._stopwords
            and _LETTER.search(word)
            and not _DIGIT.search(word)
        }

    def topic_words(
        self, questions: Iterable[Question], lang: str, slide_text: SlideText | None
    ) -> set[str]:
        """What a topic is about: its questions, right answers, explanations and cited slides."""
        texts: list[str] = []
        for question in questions:
            texts += [question.text.get(lang), question.explanation.get(lang)]
            texts.append(question.explanation_long.get(lang))
            if question.correct is not None:
                texts.append(question.options[question.correct].get(lang))
            if slide_text is not None and lang == "th":  # the lecture is written in Thai
                texts += [slide_text(ref.doc, ref.slide) or "" for ref in question.sources]
        return set().union(*(self.of(text) for text in texts))

    def outliers(self, question: Question, topic: dict[str, set[str]]) -> Iterator[str]:
        """A message for each wrong option sharing no topic word in Thai or in English.

        Words most options of the question share (their frame: "a ... unit") do not count;
        an option without content words (a year, a level number) is not judged.
        """
        for index, option in enumerate(question.options):
            if index == question.correct:
                continue
            own = {lang: self._own(question, index, lang) for lang in LANGS}
            if any(own.values()) and not any(own[lang] & topic[lang] for lang in LANGS):
                yield (
                    f"review: option {index + 1} shares no word with its topic or the slides "
                    f"it cites; would a careful official pick it? ({option.en})"
                )

    def _own(self, question: Question, index: int, lang: str) -> set[str]:
        """The content words of one option, less those of the options' common frame."""
        options = [self.of(option.get(lang)) for option in question.options]
        counts = Counter(word for words in options for word in words)
        return {word for word in options[index] if counts[word] * 2 <= len(options)}


def _mark(question: Question, index: int) -> str:
    """' (the right answer)' for the correct option: a long right answer is the usual tell."""
    return " (the right answer)" if index == question.correct else ""
