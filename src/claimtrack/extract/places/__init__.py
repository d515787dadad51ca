"""Place mentions and their gazetteer resolution, and the location of an event (docs/places.md).

- ``recognise``: candidate spotting over capitalised runs, with ``filters`` deciding on the evidence;
- ``resolve``: each mention's reading, with the document as context (``qualify``: "Paris, Texas"; ``context``: how
  much each mention and demonym tells of the text's country); ``find_places`` runs both;
- ``locate``: ``event_location``, the place of one event among a document's places; ``scene``:
  ``scene_location``, the place an incident with none of its own borrows from the text around it.
Word lists are data (``data/places/words.json``, loaded by ``words``).
"""

from claimtrack.extract.places.locate import event_location
from claimtrack.extract.places.resolve import find_places
from claimtrack.extract.places.scene import scene_location

__all__ = ["event_location", "find_places", "scene_location"]
