"""The one language layer: words and sentences, the closed word classes (lexicon), runs of
capitalised words read into names, and places. Entities and quotes both read text through it."""
