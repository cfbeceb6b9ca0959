"""Scenario journeys: one durable row per contact inside a scenario version, advanced by the engine."""
