"""The spending PIN in the GUI: the prompt a spend above the limit opens, and its box in Settings."""
