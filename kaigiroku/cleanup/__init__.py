"""Text clean-up and turn assembly: plain functions over the stream model."""
