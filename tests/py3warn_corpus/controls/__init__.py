"""Clean controls: the shop's code after migration, valid on Python 2 and 3.

The runner must report nothing here; the files are full of things that
look like Python 2 but are not.
"""
