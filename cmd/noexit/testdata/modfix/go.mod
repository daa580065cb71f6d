module example.com/modfix

go 1.26
