CREATE INDEX action_event_action ON action_event(action, seq);
