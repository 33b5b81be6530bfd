"""Date and number formats per language (settings.FORMAT_MODULE_PATH), where Django's own differ from ours."""
