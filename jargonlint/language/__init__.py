"""Language: detection, hints from file names, per-language tokenization and lemmas."""
