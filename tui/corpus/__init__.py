"""Files in, documents out: the Document model, the loader and its formats, and the sections
(body, comments, boilerplate) of each text."""
