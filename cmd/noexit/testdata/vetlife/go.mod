module example.com/vetlife

go 1.26
