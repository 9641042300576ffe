"""Attribution learned from PolNeAR on top of the parse: features, tag decoding and linking (numpy only).

The network that scores the tags lives in ``quotes.parsing.attribution_tagger``
(the only layer that imports torch); this package turns a parse into its inputs
and its outputs back into ``Attribution`` objects.
"""
