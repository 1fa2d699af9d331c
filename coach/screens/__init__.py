"""The app's screens: Rehearse and Rate (peers), plus modal help and notices."""
