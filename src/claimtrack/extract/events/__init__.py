"""Typed, dated, counted, attributed events of a document (see docs/events.md).

One job per module: ``lexicon`` (the trigger lexicon's token patterns and their match), ``ranking`` (cues ranked
into types), ``codes`` (ACLED / CASE / PLOVER tables), ``incidents`` (sentence events, the main event, merging),
``sides``, ``dates``, ``figures``, ``modality``, ``status``, ``assemble`` (to the output contract) and ``pipeline``
(``find_events``, the order they run in)."""

from claimtrack.extract.events.assemble import case_label
from claimtrack.extract.events.pipeline import find_events
from claimtrack.extract.events.status import event_status

__all__ = ["case_label", "event_status", "find_events"]
