// The Matching stage of PendCheck; see README.md for what it does.
