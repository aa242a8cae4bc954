//! Pure path evaluation: model + what-if → explained path traces.
