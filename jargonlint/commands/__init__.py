"""The CLI's commands other than ``check``, one module each; ``jargonlint.cli`` registers them."""
