"""Extraction over spaCy ``Doc``s: places, claims, events (with time and quantities).

Each extractor is a plain function over a ``Doc`` whose ``doc._.article`` is set; ``claimtrack.nlp``
registers them as spaCy pipeline components in the order places -> claims -> events, because
events read the claims and places found before them.
"""
