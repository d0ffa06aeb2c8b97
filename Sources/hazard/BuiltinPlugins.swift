import ConstructionPlugin
import FireSafetyPlugin
import HazardCore
import HazardousChemicalsPlugin
import MiningPlugin
import SpecialEquipmentPlugin
import TransportPlugin

/// The sector plugins this executable ships. The composition root builds the registry once
/// and passes it down; there is no global.
enum BuiltinPlugins {
    static var registry: PluginRegistry {
        PluginRegistry([
            FireSafetyPlugin(),
            SpecialEquipmentPlugin(),
            HazardousChemicalsPlugin(),
            ConstructionPlugin(),
            TransportPlugin(),
            MiningPlugin(),
        ])
    }
}
