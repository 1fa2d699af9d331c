"""coach: an offline terminal coach for the end of a job interview and the hour after."""

__version__ = "0.1.0"
