"""coach: an offline terminal coach for the closing minutes of a job interview and the hour after."""

__version__ = "0.1.0"
