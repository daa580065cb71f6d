module example.com/fixdiff

go 1.26
