-- 0007 stops storing each fact's sentence a second time: the sentence is
-- the article text between sentence_start and sentence_end, and the text
-- is stored with the article. sentence_from_text = 1 says the sentence
-- column is empty for that reason and the sentence is read from the text;
-- 0 (every fact stored before) says the column holds the sentence itself,
-- as it does for a fact whose sentence is not that slice of the text.
-- The sentences were half the bytes of the facts table.
ALTER TABLE facts ADD COLUMN sentence_from_text INTEGER NOT NULL DEFAULT 0 CHECK (sentence_from_text IN (0, 1));
