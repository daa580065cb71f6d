package other

type Settings struct{ Name string }

type Mode int

type pair struct{ a, b int }

func Pair() pair { return pair{} }
