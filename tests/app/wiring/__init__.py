"""Tests of how the finished areas work together."""
