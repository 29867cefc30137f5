# Built-in glossaries (data only). Installed as the package ``jargonlint.glossaries`` so
# that they are found through the package at run time, wherever it is installed.
