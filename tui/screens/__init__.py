"""The reader's screens besides the article: help (every key, the legend), the error
screen and the overwrite confirmation.
"""
