"""Names in Persian, Arabic and English: tokens, features, the CRF tagger and its rules."""
