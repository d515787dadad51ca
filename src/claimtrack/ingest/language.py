"""Which language an article is in, so a text the English pipeline cannot read is named, not silently empty.

langdetect (a port of Google's language-detection, profiles shipped in the package, no download) is seeded so
the same text always gets the same answer.
"""

from __future__ import annotations

from functools import lru_cache

MIN_CHARS = 40  # below this, detectors guess; such short texts are not judged
CONFIDENT = 0.90


@lru_cache(maxsize=1)
def _factory() -> None:
    from langdetect import DetectorFactory

    DetectorFactory.seed = 0


def language_of(text: str) -> tuple[str, float] | None:
    """(ISO 639-1 code, probability) of the text's most likely language; None when too short to tell."""
    sample = " ".join(text.split())[:1000]  # the lead is enough, and the cost grows with the length
    if sum(ch.isalpha() for ch in sample) < MIN_CHARS:
        return None
    _factory()
    from langdetect import detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return None
    return str(best.lang), float(best.prob)


ENGLISH_STOP_SHARE = 0.25  # English prose runs 40-50 % function words; other languages share few of them


def plainly_english(text: str) -> bool:
    """Most words are English function words (spaCy's list): English without running the detector, which
    costs ~10 ms an article."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = [w.strip(".,;:!?\"'()").lower() for w in text[:2000].split()]
    words = [w for w in words if w]
    return bool(words) and sum(w in STOP_WORDS for w in words) / len(words) >= ENGLISH_STOP_SHARE


def not_english(text: str) -> str | None:
    """The language code when the text is confidently not English, else None."""
    if plainly_english(text):
        return None
    found = language_of(text)
    if found is None:
        return None
    lang, prob = found
    return lang if lang != "en" and prob >= CONFIDENT else None


def language_name(code: str) -> str:
    import pycountry

    hit = pycountry.languages.get(alpha_2=code.split("-")[0])
    return str(hit.name) if hit else code
