// A sample macro of a payload glob that reaches outside the rule file's directory.
void Fun4All_Common() {}
