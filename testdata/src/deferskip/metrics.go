package main

import (
	"log"

	"github.com/prometheus/client_golang/prometheus"
)

// metrics writes its metrics to a file when it returns: the exit loses
// the file, unlike a metric update.
func metrics(g prometheus.Gatherer, active prometheus.Gauge) {
	active.Inc()
	defer active.Dec()
	defer prometheus.WriteToTextfile("/var/lib/node_exporter/app.prom", g)
	log.Fatal("no") // want `^log\.Fatal skips the deferred prometheus\.WriteToTextfile \(metrics\.go:14\)`
}
