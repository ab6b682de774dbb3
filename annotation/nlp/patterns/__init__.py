"""Pattern rules over tokens: titles → PER, organisation heads → ORG, place heads → LOC, facilities, weapons."""
