"""Training the reader (`python -m train.reader`): data from ../shared/data/squad, never copied here."""
