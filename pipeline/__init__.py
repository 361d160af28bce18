"""French news articles to structured tables: who is mentioned, who said what, and when."""

__version__ = "0.1.0"
