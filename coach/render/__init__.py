"""Rich renderables and text shared by the CLI and the screens; always markup-safe.

Everything a user typed, imported or edited by hand is data: ``coach.render.safe`` turns it
into text that is never read as Rich or Textual markup, and whose control characters are shown
as visible placeholders instead of reaching the terminal.
"""
