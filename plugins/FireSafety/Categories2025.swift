import HazardCore

/// GB 35181-2025 3.4–3.9: the kind of building or place (4.1 a)), from the definitions' own
/// thresholds. Three-valued: nil means an answer the result depends on is missing.
enum Categories2025 {
    /// 3.5 儿童活动场所: "供12周岁及以下婴幼儿和少儿活动的场所"; "不包括小学学校的教室等教学场所".
    /// `ageFrom` is the lowest age (周岁) of the children the place is for: a place for children
    /// of 12 and under serves some child aged 12 or less (12 ⇒ yes, 13 ⇒ no: "及以下" is `<=`).
    static func childrensPlace(servesChildren: Bool?, ageFrom: Double?, primarySchoolTeaching: Bool?) -> Bool? {
        Kleene.and(servesChildren, Kleene.and(ageFrom.map { $0 <= 12 }, Kleene.not(primarySchoolTeaching)))
    }

    /// 3.6 老年人照料设施: "床位总数（可容纳老年人总数）大于或等于20床（人）", providing
    /// centralised care (全日照料 or 日间照料). 19 beds and 19 people ⇒ no; 20 of either ⇒ yes.
    static func elderlyCareFacility(centralisedCare: Bool?, beds: Double?, elderly: Double?) -> Bool? {
        Kleene.and(centralisedCare, Kleene.or(beds.map { $0 >= 20 }, elderly.map { $0 >= 20 }))
    }

    /// 3.7 劳动密集型企业: a manufacturer (or a warehousing firm that sorts, processes or packs)
    /// whose plant or warehouse is 丙类, with "同一时间生产作业人数超过50人" (> 50) and
    /// "人均建筑面积小于20 m²" (< 20). All must hold.
    static func labourIntensive(enterpriseKind: Bool?, hazardClass: String?, workers: Double?, floorArea: Double?) -> Bool? {
        let classC = hazardClass.map { $0 == HazardClass.bing }
        let crowdedWork = workers.map { $0 > 50 }
        return Kleene.and(enterpriseKind, Kleene.and(classC, Kleene.and(crowdedWork, denselyOccupied(workers: workers, floorArea: floorArea))))
    }

    /// 人均建筑面积小于20 m²: area < 20 × workers, exact for whole numbers (1000 m² for 50 people
    /// is exactly 20 m² per person, not < 20). Nil when unknown or nobody works there.
    static func denselyOccupied(workers: Double?, floorArea: Double?) -> Bool? {
        guard let workers, let floorArea else { return nil }
        guard workers > 0 else { return false }
        return floorArea < 20 * workers
    }

    /// 人均建筑面积 (m² per person), for the report; nil when unknown or nobody works there.
    static func floorAreaPerWorker(workers: Double?, floorArea: Double?) -> Double? {
        guard let workers, let floorArea, workers > 0 else { return nil }
        return Percentage.rounded(floorArea / workers * 100) / 100
    }

    /// 3.9 多业态混合生产经营场所: a) 2 or more of 餐饮、住宿、娱乐、商业、文化、体育、培训 ("两种及以上",
    /// `>=`), or b) a 劳动密集型企业's plant or warehouse combining production and storage, formed
    /// by self-operation, 分租 or 转租.
    static func mixedUse(businessTypes: Double?, labourIntensive: Bool?, combinedByLetting: Bool?) -> Bool? {
        Kleene.or(businessTypes.map { $0 >= 2 }, Kleene.and(labourIntensive, combinedByLetting))
    }

    /// 3.4 人员密集场所: the kinds the inspector answers (公众聚集场所, hospitals, schools, …), plus
    /// 老年人照料设施, 儿童活动场所 and the 生产加工车间 of a 劳动密集型企业 (its staff dormitories are
    /// answered with the other kinds).
    static func crowdedPlace(answered: Bool?, childrens: Bool?, elderly: Bool?, labourIntensive: Bool?, plantOrWarehouse: String?) -> Bool? {
        let workshop = Kleene.and(labourIntensive, plantOrWarehouse.map { $0 == Site.plant })
        return Kleene.or(answered, Kleene.or(childrens, Kleene.or(elderly, workshop)))
    }

    /// Options of `production_storage_hazard_class` (火灾危险性类别).
    enum HazardClass {
        static let jia = "jia", yi = "yi", bing = "bing", ding = "ding", wu = "wu"
        static let all = [jia, yi, bing, ding, wu]
    }

    /// Options of `plant_or_warehouse`.
    enum Site {
        static let plant = "plant", warehouse = "warehouse", neither = "neither"
        static let all = [plant, warehouse, neither]
    }
}
