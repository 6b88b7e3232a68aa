"""Building a corpus's index once (in two processes where it pays), keeping it in the disk cache,
and answering queries from it: the layer the command line and the dashboard talk to."""
