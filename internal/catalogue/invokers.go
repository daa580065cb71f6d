package catalogue

// Runs says how a function runs a function value passed to one of its
// parameters.
type Runs uint8

const (
	// RunsNot means stored, or not known to be run.
	RunsNot Runs = iota
	// RunsBefore means run before the call returns, perhaps many times.
	RunsBefore
	// RunsOnce means run at most once for the life of a sync.Once,
	// before the first Do returns.
	RunsOnce
	// RunsInGoroutine means run in a goroutine the function starts,
	// perhaps after it returns.
	RunsInGoroutine
)

type invocation struct {
	fn    string // types.Func FullName
	param int    // parameter index, the receiver not counted
}

// invokers are the functions of modeled packages that run a function
// argument. A function value passed anywhere else in a modeled package
// is stored.
var invokers = buildInvokers()

// invokerParams are the parameter masks of InvokedParams, by function.
var invokerParams = buildInvokerParams()

func buildInvokerParams() map[string][2]uint64 {
	m := map[string][2]uint64{}
	for inv, r := range invokers {
		masks := m[inv.fn]
		masks[0] |= 1 << inv.param
		if r != RunsInGoroutine {
			masks[1] |= 1 << inv.param
		}
		m[inv.fn] = masks
	}
	return m
}

func buildInvokers() map[invocation]Runs {
	m := map[invocation]Runs{
		{"(*sync.Once).Do", 0}:      RunsOnce,
		{"(*sync.Map).Range", 0}:    RunsBefore,
		{"(*sync.WaitGroup).Go", 0}: RunsInGoroutine,
	}
	add := func(param int, pkg string, names ...string) {
		for _, n := range names {
			m[invocation{pkg + "." + n, param}] = RunsBefore
		}
	}
	add(1, "sort", "Slice", "SliceStable", "SliceIsSorted", "Search", "Find")
	add(1, "slices", "SortFunc", "SortStableFunc", "IsSortedFunc", "IndexFunc", "ContainsFunc",
		"DeleteFunc", "CompactFunc", "MaxFunc", "MinFunc")
	add(2, "slices", "BinarySearchFunc", "EqualFunc", "CompareFunc")
	add(1, "maps", "DeleteFunc")
	add(2, "maps", "EqualFunc")
	add(1, "path/filepath", "Walk", "WalkDir")
	add(2, "io/fs", "WalkDir")
	for _, pkg := range []string{"strings", "bytes"} {
		add(1, pkg, "FieldsFunc", "IndexFunc", "LastIndexFunc", "TrimFunc", "TrimLeftFunc",
			"TrimRightFunc", "ContainsFunc")
		add(0, pkg, "Map")
	}
	add(2, "runtime/pprof", "Do")
	return m
}

// Invoked says how the catalogued function named fullName (a types.Func
// FullName) runs the function passed to its parameter param.
func Invoked(fullName string, param int) Runs {
	return invokers[invocation{fullName, param}]
}

// InvokedParams returns, for a catalogued function, the parameters (bit
// i: parameter i) whose function values it runs at all, and those it
// runs before it returns (not in a goroutine); ok is false for a function
// the catalogue does not list.
func InvokedParams(fullName string) (params, before uint64, ok bool) {
	masks, ok := invokerParams[fullName]
	return masks[0], masks[1], ok
}
