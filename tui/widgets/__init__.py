"""The reader's widgets: the article view (`article/`), toggle bar, side panel, explanation
line, header and search bar, with the pure helpers they draw from (highlights, wrapping).
"""
