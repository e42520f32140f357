"""Word lists of the genre: the general knowledge the rules use, kept apart from the rules.

Nothing here names an entity of one article: these are suffixes, titles, function words and the
province-level units of China, true of any corridor news text.

Examples
--------
>>> PROVINCE_LEVEL["浙江"]
'Province'
>>> site_type("优图创新基地")
'InnovationBase'
"""

from __future__ import annotations

__all__ = [
    "ADMIN_LEVEL",
    "ADMIN_SUFFIXES",
    "BOUNDARY_WORDS",
    "CITY_SHORT_NAMES",
    "COMPUTING_CENTRES",
    "DOCUMENT_SUFFIXES",
    "EVENT_SUFFIXES",
    "INDUSTRIES",
    "NATIONAL_BODIES",
    "NATIONAL_PROGRAMMES",
    "ORG_SUFFIXES",
    "POST_TITLES",
    "PREFECTURE_CITIES",
    "PROVINCE_LEVEL",
    "REGIONS",
    "SITE_SUFFIXES",
    "STOP_TAGS",
    "document_type",
    "org_type",
    "site_type",
]


def _words(text: str) -> list[str]:
    return text.split()


_MUNICIPALITIES = ("北京", "天津", "上海", "重庆")
_PROVINCES = _words(
    "河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 "
    "云南 陕西 甘肃 青海 台湾"
)
_AUTONOMOUS = ("内蒙古", "广西", "西藏", "宁夏", "新疆")
PROVINCE_LEVEL: dict[str, str] = {
    **{name: "Municipality" for name in _MUNICIPALITIES},
    **{name: "Province" for name in _PROVINCES + list(_AUTONOMOUS)},
}
# Prefecture-level cities of the corridor's three provinces, by province
PREFECTURE_CITIES: dict[str, tuple[str, ...]] = {
    "浙江省": tuple(_words("杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水")),
    "江苏省": tuple(_words("南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁")),
    "安徽省": tuple(
        _words("合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城")
    ),
}
_OTHER_CITIES = _words("深圳 广州 武汉 成都 西安 青岛 厦门 大连 沈阳 济南 长沙 郑州 福州")
# the cities and the corridor's Shanghai member by the short names news uses without 市/区
# (在金华召开, 落户芜湖); 黄山 is left out: it names the mountain more often than the city
CITY_SHORT_NAMES: dict[str, str] = {
    **{city: "City" for cities in PREFECTURE_CITIES.values() for city in cities if city != "黄山"},
    "松江": "District",
    # the country's other large cities, named beside the corridor's (深圳, 广州…)
    **dict.fromkeys(_OTHER_CITIES, "City"),
}

ADMIN_SUFFIXES: dict[str, str] = {
    "省": "Province",
    "市": "City",
    "区": "District",
    "县": "District",
    "镇": "Town",
    "街道": "Town",
    "乡": "Town",
    "新城": "PlannedZone",
}
ADMIN_LEVEL: dict[str, int] = {
    "Municipality": 1,
    "Province": 1,
    "City": 2,
    "District": 3,
    "Town": 4,
}

ORG_SUFFIXES: tuple[str, ...] = (
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "公司",
    "集团",
    "研究院",
    "研究所",
    "研究中心",
    "科学院",
    "工程院",
    "实验室",
    "大学",
    "学院",
    "人民政府",
    "管委会",
    "委员会",
    "办公室",
    "联盟",
    "协会",
    "总会",
    "商会",
    "科委",
    "发改委",
    "经信委",
    "联席办",
    "基金",
    # government departments (杭州市科技局, 安徽省科技厅, 科技部, 金华市委统战部)
    *_words(
        "科技局 经信局 发改局 商务局 财政局 统计局 数据局 大数据局 数据资源管理局 人社局 招商局 "
        "投促局 经发局 经科局 科经局 市场监管局 经济贸易局 经贸局 经济和信息化局 科学技术局 "
        "科技厅 经信厅 工信厅 商务厅 财政厅 发改厅 教育厅 "
        "科技部 工信部 工业和信息化部 商务部 财政部 教育部 统战部 宣传部 组织部 经发委 "
        "国家发展改革委 国家发改委 中宣部 办公厅 政府 "
        "工信局 住建局 教育局 规划局 自然资源和规划局 自然资源局 生态环境局 交通运输局 "
        "农业农村局 文旅局 文化和旅游局 应急管理局 卫健委 国资委 网信办 人大常委会 政协 工商联 "
        "促进会 联合会 研究会 基金会 学会 交易所 发展改革委 经委 商务委 科创办 科创发展办 "
        "调查队 新闻办 校友会 秘书处"
    ),
    # centres that are bodies, not places (上海知识产权交易中心, 浙江省数字经济发展中心)
    *_words("交易中心 媒体中心 投促中心 招商中心 发展中心 促进中心 火炬中心 能力中心 创业中心"),
)
# bodies whose suffix is their whole name (科技部联合印发…): names on their own
NATIONAL_BODIES = frozenset(
    _words(
        "科技部 工信部 工业和信息化部 商务部 财政部 教育部 中宣部 国家发展改革委 国家发改委 国务院"
    )
)
SITE_SUFFIXES: tuple[str, ...] = (
    "产业基地",
    "基地",
    "产业园区",
    "产业园",
    "科技园",
    "园区",
    "小镇",
    "示范区",
    "实践区",
    "先行区",
    "集聚区",
    "试验区",
    "先导区",
    "科学城",
    "科创城",
    "科技城",
    "软件园",
    "开发区",
    "高新区",
    "经开区",
    "创新港",
    "孵化器",
    "加速器",
    "众创空间",
    "科创园",
    "生态园",
    "创新园",
    "谷",
    "新区",
    "超级工厂",
    "核心区",
    "片区",
    "度假区",
    "保税区",
    "合作区",
    "自贸区",
    "集中区",
    "研发社区",
    "创新社区",
    "科创社区",
    "大剧院",
    "酒店",
    "数据中心集群",
    "算力集群",
    "中心",
    "平台",
    "走廊",
    "高速",
    "高速公路",
)
EVENT_SUFFIXES: dict[str, str] = {
    "大会": "Conference",
    "推介会": "Conference",
    "推介活动": "Conference",
    "博览会": "Exhibition",
    "开发者节": "Event",
    "展览会": "Exhibition",
    "大赛": "Competition",
    "挑战赛": "Competition",
    "总决赛": "Competition",
    "竞赛": "Competition",
    "开工仪式": "Groundbreaking",
    "奠基仪式": "Groundbreaking",
    "开工活动": "Groundbreaking",
    "开园仪式": "Opening",
    "开业仪式": "Opening",
    "启用仪式": "Opening",
    "投用仪式": "Opening",
    "发布会": "Launch",
    "峰会": "Summit",
    "论坛": "Summit",
    "对话会": "Event",
    "联席会议": "Conference",
    "会议": "Conference",
    "恳谈会": "Event",
    # weeks of events (2025苏州相城国际经贸恳谈周, 双龙科创人才周)
    "恳谈周": "Event",
    "人才周": "Event",
    "科技周": "Event",
    "创新周": "Event",
    "活动周": "Event",
    "签约仪式": "SigningCeremony",
    "签约活动": "SigningCeremony",
    "揭牌仪式": "Unveiling",
    "座谈会": "Event",
    "对接会": "Event",
    "推进会": "Event",
    "研讨会": "PanelDiscussion",
    "圆桌会": "PanelDiscussion",
    "拍卖会": "Event",
    "评估会": "Event",
    "交流会": "Conference",
    "洽谈会": "Conference",
    "招商会": "Conference",
    "年会": "Conference",
    "仪式": "Event",
}
REGIONS: tuple[str, ...] = ("长江三角洲", "长三角", "珠三角", "京津冀", "粤港澳大湾区")
DOCUMENT_SUFFIXES: tuple[str, ...] = ("方案",)
# national projects named by a fixed phrase, not by a suffix (“东数西算”工程: computing in the east,
# data centres in the west)
NATIONAL_PROGRAMMES: tuple[str, ...] = ("东数西算",)
# Industries as the graph's vocabulary names them (ontology/vocab.ttl, scheme industry): the
# corridor's AI chain, the top level of the national classification of strategic emerging
# industries (2018) and the future industries of the 2024 national guidance, by their common names.
INDUSTRIES: dict[str, str] = {
    "人工智能": "ai",
    "通用人工智能": "general-ai",
    "生成式人工智能": "generative-ai",
    "在线新经济": "online-new-economy",
    "集成电路": "integrated-circuits",
    "芯片设计": "chip-design",
    "电子信息": "electronic-information",
    "新一代信息技术": "next-generation-it",
    "软件和信息服务": "software-it-services",
    "软件和信息技术服务": "software-it-services",
    "信息技术应用创新": "it-innovation",
    "网络安全": "cybersecurity",
    "生物医药": "biomedicine",
    "生命健康": "life-health",
    "医疗器械": "medical-devices",
    "高端医疗器械": "medical-devices",
    "智能制造": "smart-manufacturing",
    "先进制造业": "advanced-manufacturing",
    "装备制造业": "equipment-manufacturing",
    "工业互联网": "industrial-internet",
    "数字经济": "digital-economy",
    "数字创意": "digital-creative",
    "数字孪生": "digital-twin",
    "元宇宙": "metaverse",
    "区块链": "blockchain",
    "新能源": "new-energy",
    "氢能": "hydrogen",
    "新型储能": "energy-storage",
    "光伏": "photovoltaics",
    "节能环保": "energy-saving-environment",
    "新材料": "new-materials",
    "大数据": "big-data",
    "云计算": "cloud-computing",
    "机器人": "robotics",
    "工业机器人": "robotics",
    "服务机器人": "robotics",
    "人形机器人": "humanoid-robots",
    "脑机接口": "brain-computer-interface",
    "机器视觉": "machine-vision",
    "智能传感": "smart-sensing",
    "智能网联汽车": "intelligent-connected-vehicles",
    "智能驾驶": "intelligent-driving",
    "自动驾驶": "intelligent-driving",
    "新能源汽车": "new-energy-vehicles",
    "汽车电子": "automotive-electronics",
    "智能语音": "intelligent-speech",
    "航空航天": "aerospace",
    "商业航天": "commercial-space",
    "卫星互联网": "satellite-internet",
    "民用航空": "civil-aviation",
    "量子信息": "quantum",
    "量子通信": "quantum",
    "量子计算": "quantum",
    "高端装备": "high-end-equipment",
    "物联网": "internet-of-things",
    "低空经济": "low-altitude-economy",
    "大数据与云计算": "big-data-cloud",
    "电子商务": "e-commerce",
    "地理信息": "geographic-information",
}
POST_TITLES: tuple[str, ...] = (
    "区委常委",
    "市委常委",
    "县委常委",
    "常务副区长",
    "常务副市长",
    "常务副县长",
    "党组书记",
    "党委副书记",
    "党委书记",
    "党工委副书记",
    "党工委书记",
    "区委副书记",
    "区委书记",
    "市委副书记",
    "市委书记",
    "县委副书记",
    "县委书记",
    "副书记",
    "书记",
    "副区长",
    "区长",
    "副市长",
    "市长",
    "副县长",
    "县长",
    "副镇长",
    "镇长",
    "副省长",
    "省长",
    "副主任",
    "主任",
    "副董事长",
    "董事长",
    "副总经理",
    "总经理",
    "首席执行官",
    "首席技术官",
    "首席科学家",
    "副总工程师",
    "总工程师",
    "副总裁",
    "总裁",
    "副院长",
    "院长",
    "副会长",
    "会长",
    "理事长",
    "秘书长",
    "局长",
    "主席",
    *_words(
        "副局长 副厅长 厅长 副部长 部长 副司长 司长 副处长 处长 副科长 科长 副校长 校长 "
        "副所长 所长 常务副院长 党组成员 外籍院士 院士 常务副主任 常务副会长"
    ),
    *_words(
        # not 行长, 社长: they hide inside common words (进行长期, 合作社长期)
        "省委常委 省委副书记 省委书记 常务副省长 副主席 副理事长 副秘书长 一级巡视员 二级巡视员 "
        "副巡视员 巡视员 一级调研员 二级调研员 副调研员 调研员 副组长 组长 联合创始人 创始人 CEO "
        "轮值主席 联席主席 总经济师 党委委员 党工委委员 党组副书记 总规划师 执行董事 "
        "副总编辑 总编辑 常务副校长"
    ),
)
BOUNDARY_WORDS: frozenset[str] = frozenset(
    _words(
        "在 于 於 和 与 與 及 、 的 是 为 為 了 将 將 也 由 从 向 对 把 被 让 使 以 等 这 该 此 其 "
        "又 都 还 就 已 并 更是 同步 今天 当天 举行 举办 召开 出席 发布 出台 印发 打造 建设 规划 "
        "推动 推进 成立 揭牌 落户 入驻 依托 位于 位於 地处 包括 作为 成为 标志 随着 自 以来 首倡 "
        "覆盖 形成 共同 实现 加快 提出 表示 指出 设在 写入 纳入 迎来 吸引 云集 亮相 选择 进军 "
        "集体 全力 一场 一批 这些 多个 两级 不仅仅 别开生面 盛大 量身 面向 服务 助力 加盟 洽谈 "
        "达成 获悉 介绍 据 据悉 记者 获 来自 沿 均 都 关注 位列 列入 属于 即 启动 涉及 命名 "
        "运维 承担 负责 旗下 下属 坐落 坐落于 选址 选址于 签约 开工 奠基 投用 建成 启用 共建 携手 "
        "牵头 主办 承办 联合 参加 参与 出资 投资建设 运营方 建设方 落地 开园 开业 拟 计划 正式 "
        "设立 改称 更名 更名为 布局 组建 签署 联手 创办 发起 名为 命名为 兼 "
        # the verbs a plan's points open with (加强松江枢纽核心区建设)
        "加强 支持 构建 提升 完善 培育 筹建 扩建 加速 聚焦 围绕 深化 优化 做强 做大 壮大 强化 "
        "鼓励 引导 着力 大力 "
        # verbs that frame a name and are never part of one (担任鸠江区发改委副主任)
        "担任 满足 放在 协助 来到 复函 支撑 带动 获批 入选 荣获 跻身 考察 调研 走进 参观 视察 "
        "举办地 所在地 访 经 这是 这次 此次 本次 本届 该次 邀请 邀请到 现将 "
        "接到 签下 探访 视为 设有 拥有 建有 报给 收到 走访 看到 原 部分 会同 "
        # a role or a report that frames a name (运营方杭州…公司, 培育出斯达半导, 专访…书记)
        "方 培育出 引进 兴建 称 亦称 专访 隶属 作出 股东 控股股东 大股东 加入 "
        # a plan's enumerators, verbs of doing or citing (一是建立…, 落实浙江省人民政府《…》)
        "一是 二是 三是 四是 五是 建立 抓好 创建 新设 获评 落实 写进 综合 又称"
    )
)
STOP_TAGS: frozenset[str] = frozenset(_words("p c u uj ul uz ug ud uv d r t f y e o"))


COMPUTING_CENTRES: tuple[str, ...] = (
    "算力中心",
    "智算中心",
    "超算中心",
    "数据中心",
    "计算中心",
    "算力枢纽",
    "数据中心集群",
    "算力集群",
)


def site_type(name: str) -> str:
    """The ontology class of a site-like name by its suffix (and 创新/研发 for bases)."""
    if name.endswith("走廊"):
        return "Corridor"
    if name.endswith(("高速", "高速公路")):
        return "Road"
    if name.endswith("平台"):
        return "Platform"
    if name.endswith("小镇"):
        return "FeatureTown"
    if name.endswith(COMPUTING_CENTRES):
        return "ComputingCentre"
    if name.endswith(("科学城", "科创城", "科技城")):
        return "ScienceCity"
    if name.endswith(("先导区", "试验区")):
        return "PilotZone"
    if name.endswith(
        ("示范区", "实践区", "先行区", "集聚区", "新城", "开发区", "高新区", "经开区", "新区")
    ) or name.endswith(("核心区", "片区", "度假区", "保税区", "合作区", "自贸区", "集中区")):
        return "PlannedZone"
    if name.endswith(
        ("产业园区", "产业园", "科技园", "园区", "软件园", "科创园", "生态园", "创新园")
    ):
        return "IndustrialPark"
    if name.endswith("超级工厂"):
        return "IndustrialBase"
    if name.endswith("基地"):
        return "InnovationBase" if ("创新" in name or "研发" in name) else "IndustrialBase"
    return "Site"


def org_type(name: str) -> str:
    """The ontology class of an organisation name by its suffix."""
    if name.endswith(("公司", "集团", "科技")):
        return "Company"
    if name.endswith(("科学院", "工程院")):
        return "ResearchInstitute"
    if name.endswith(("大学", "学院")):
        return "University"
    if name.endswith("实验室"):
        return "Laboratory"
    if name.endswith(("研究院", "研究所", "研究中心")):
        return "ResearchInstitute"
    if name.endswith("联盟"):
        return "IndustryAlliance"
    if name.endswith("基金"):
        return "Fund"
    if "联席" in name or name.endswith("协会") or "协作" in name:
        return "CooperationBody"
    if name.endswith(
        (
            "政府",
            "管委会",
            "委员会",
            "办公室",
            "局",
            "厅",
            "科委",
            "发改委",
            "改革委",
            "经委",
            "商务委",
            "办",
        )
    ):
        return "GovernmentBody"
    if name.endswith(("经信委", "经发委", "部", "国务院")):
        return "GovernmentBody"
    return "Organization"


def document_type(title: str) -> str:
    """The ontology class of a document title: policy (办法, 意见…) or plan (规划, 方案…)."""
    if title.endswith(("办法", "意见", "政策", "通知", "条例", "细则", "措施", "规定")):
        return "PolicyDocument"
    if any(word in title for word in ("规划", "方案", "计划", "纲要")):
        return "PlanDocument"
    return "Document"
