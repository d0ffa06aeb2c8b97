import HazardCore

/// The questions of `checklists/fire-safety/gb35181-2017.yaml` that `FireSafetyPlugin` reads.
///
/// Counts are `integer` questions in the checklist (carried as numbers); lengths are in m and
/// areas in m², as GB 35181-2017 and the codes it points to state them.
enum FireSafetyInput {
    // Kind of building and premises (5.3.1 a): 确定建筑或场所类别).
    /// 所在建筑是否为高层建筑 (7.3.6, 7.3.7).
    static let inHighRiseBuilding: QuestionID = "in_high_rise_building"
    /// 场所是否位于地下建筑或建筑的地下、半地下部分 (7.3.6).
    static let inUndergroundSpace: QuestionID = "in_underground_space"
    /// 被检查场所是否为人员密集场所 (7.3.7 via "设有人员密集场所的高层建筑").
    static let isCrowdedPlace: QuestionID = "is_crowded_place"
    /// 所在建筑内是否设有人员密集场所（被检查场所以外的也算） (7.3.7).
    static let buildingHasCrowdedPlace: QuestionID = "building_has_crowded_place"

    // 6.2: separation between a flammable/explosive site and crowded or residential premises.
    static let flammableSeparation: QuestionID = "flammable_separation_m"
    static let flammableSeparationRequired: QuestionID = "flammable_separation_required_m"

    // 6.5 and 7.3.3: total net width of the exits.
    static let exitTotalWidth: QuestionID = "exit_total_width_m"
    static let exitTotalWidthRequired: QuestionID = "exit_total_width_required_m"

    // 7.1.2: separation between buildings.
    static let buildingSeparation: QuestionID = "building_separation_m"
    static let buildingSeparationRequired: QuestionID = "building_separation_required_m"

    // 7.2.1: area of a fire compartment that was changed.
    static let compartmentArea: QuestionID = "compartment_area_m2"
    static let compartmentAreaAllowed: QuestionID = "compartment_area_allowed_m2"

    // 7.2.2: fire doors, fire shutters and other separations in the compartment.
    static let fireSeparationsTotal: QuestionID = "fire_separations_total_count"
    static let fireSeparationsDamaged: QuestionID = "fire_separations_damaged_count"

    // 7.3.5: travel distance in a shop's sales hall.
    static let shopTravelDistance: QuestionID = "shop_travel_distance_m"
    static let shopTravelDistanceAllowed: QuestionID = "shop_travel_distance_allowed_m"

    // 7.3.6: exit signs and emergency lighting.
    static let exitSignsRequired: QuestionID = "exit_signs_required_count"
    static let exitSignsDamaged: QuestionID = "exit_signs_damaged_count"

    // 7.3.7: doors of enclosed and smoke-proof staircases.
    static let stairDoorsTotal: QuestionID = "stair_doors_total_count"
    static let stairDoorsDamaged: QuestionID = "stair_doors_damaged_count"

    /// Every input the 2017 facts read, with the type the 2017 checklist declares it with.
    static let declarations: [InputDeclaration] = [
        InputDeclaration(inHighRiseBuilding, .boolean),
        InputDeclaration(inUndergroundSpace, .boolean),
        InputDeclaration(isCrowdedPlace, .boolean),
        InputDeclaration(buildingHasCrowdedPlace, .boolean),
        InputDeclaration(flammableSeparation, .number),
        InputDeclaration(flammableSeparationRequired, .number),
        InputDeclaration(exitTotalWidth, .number),
        InputDeclaration(exitTotalWidthRequired, .number),
        InputDeclaration(buildingSeparation, .number),
        InputDeclaration(buildingSeparationRequired, .number),
        InputDeclaration(compartmentArea, .number),
        InputDeclaration(compartmentAreaAllowed, .number),
        InputDeclaration(fireSeparationsTotal, .number),
        InputDeclaration(fireSeparationsDamaged, .number),
        InputDeclaration(shopTravelDistance, .number),
        InputDeclaration(shopTravelDistanceAllowed, .number),
        InputDeclaration(exitSignsRequired, .number),
        InputDeclaration(exitSignsDamaged, .number),
        InputDeclaration(stairDoorsTotal, .number),
        InputDeclaration(stairDoorsDamaged, .number),
    ]
}
