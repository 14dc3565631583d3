"""The reader's review workflow: storage (`store`), the session with undo and saving
(`session`), how a review changes the highlights (`overlay`), the keys (`reader`, a part of
`SlantApp`) and its note dialog (`note`).  `store`, `session` and `overlay` import no
Textual (`slant review` uses them)."""
