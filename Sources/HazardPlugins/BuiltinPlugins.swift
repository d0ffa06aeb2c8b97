import ConstructionPlugin
import FireSafetyPlugin
public import HazardCore
import HazardousChemicalsPlugin
import MiningPlugin
import SpecialEquipmentPlugin
import TransportPlugin

/// The sector plugins the project ships, in one place for the CLI, the server and the tests.
/// The composition root builds the registry once and passes it down; there is no global.
public enum BuiltinPlugins {
    /// Every sector plugin this project ships.
    public static var registry: PluginRegistry {
        PluginRegistry([
            FireSafetyPlugin(),
            FireSafety2025Plugin(),
            SpecialEquipmentPlugin(),
            HazardousChemicalsPlugin(),
            ConstructionPlugin(),
            TransportPlugin(),
            MiningPlugin(),
        ])
    }
}
