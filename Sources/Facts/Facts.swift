// The Facts stage of PendCheck; see README.md for what it does.
