"""Attribution extraction: spaCy components and the statements they yield."""
