-- Generated slots (general facts found without a topic file) carry a
-- human label saying what they are about, such as "migrants".
ALTER TABLE facts ADD COLUMN label TEXT NOT NULL DEFAULT '';
