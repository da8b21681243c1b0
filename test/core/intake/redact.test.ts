import { describe, expect, it } from 'vitest';
import { redactPersonalData } from '../../../core/intake/index.ts';

describe('redactPersonalData', () => {
  it.each([
    ['我的电话是13812345678，冰箱不制冷', '我的电话是[phone]，冰箱不制冷'],
    ['call me on +86 138 1234 5678 please', 'call me on [phone] please'],
    ['手机 138-1234-5678', '手机 [phone]'],
    ['座机010-12345678转123', '座机[phone]'],
    ['(0755) 8888 8888 anytime', '[phone] anytime'],
    ['my HK number is 9123 4567', 'my HK number is [phone]'],
    ['台灣手機 0912-345-678', '台灣手機 [phone]'],
    ['+44 7911 123456 is my mobile', '[phone] is my mobile'],
    ['联系8613812345678', '联系[phone]'],
    ['email me at wang.xm+fridge@example.com.cn', 'email me at [email]'],
    ['邮箱：xiaoming@qq.com', '邮箱：[email]'],
    ['身份证号110101199003074518', '身份证号[id]'],
    ['ID 11010119900307451X ok', 'ID [id] ok'],
    ['我叫王小明，洗衣机漏水', '我叫[name]，洗衣机漏水'],
    ['姓名：欧阳娜娜', '姓名：[name]'],
    ['my name is John Smith and my fridge is warm', 'my name is [name] and my fridge is warm'],
    ['My name is Mary. The TV has no sound', 'My name is [name]. The TV has no sound'],
    ['地址：深圳市南山区科技园路100号，空调漏水', '地址：[address]，空调漏水'],
    ['我住在北京市朝阳区建国路88号3栋。冰箱很吵', '我住在[address]。冰箱很吵'],
    [
      'address: 12 Main Street, Springfield; the washer stops',
      'address: [address]; the washer stops',
    ],
    ['I live at 221B Baker St. The oven sparks', 'I live at [address]. The oven sparks'],
    ['就在科技园路100号3栋1201室', '[address]'],
    ['call me on 13812345678', 'call me on [phone]'],
    [
      '我叫李雷，电话13912345678，地址：上海市浦东新区张江路5号，微波炉冒烟',
      '我叫[name]，电话[phone]，地址：[address]，微波炉冒烟',
    ],
    // Names after 我是 / 我系 / 本人 / 联系人 / 收件人, and with a title.
    ['我是李娜 电话13812345678', '我是[name] 电话[phone]'],
    ['我是李娜电话13812345678', '我是[name]电话[phone]'],
    ['我是陈大文，冰箱唔凍', '我是[name]，冰箱唔凍'],
    ['我系陈大文，部雪柜坏咗', '我系[name]，部雪柜坏咗'],
    ['我係陳生', '我係[name]'],
    ['本人王小明，热水器漏水', '本人[name]，热水器漏水'],
    ['我是欧阳娜娜', '我是[name]'],
    ['我是王先生', '我是[name]'],
    ['联系人：张伟 13812345678', '联系人：[name] [phone]'],
    ['收件人 张伟', '收件人 [name]'],
    ['我姓陈', '我姓[name]'],
    ['陈生话冰箱唔凍', '[name]话冰箱唔凍'],
    ['请找李小姐', '请找[name]'],
    ['黄女士的洗衣机', '[name]的洗衣机'],
    ['王太话部机好嘈', '[name]话部机好嘈'],
    ['司徒先生', '[name]'],
    ['Mr Chan called about the fridge', 'Mr [name] called about the fridge'],
    ['Mrs. Wong, the washer leaks', 'Mrs. [name], the washer leaks'],
    ['Hi, this is Peter Wong from Flat 5', 'Hi, this is [name] from Flat 5'],
    ["I'm Alice and the oven sparks", "I'm [name] and the oven sparks"],
    ['I am Mary-Jane O’Neil.', 'I am [name].'],
    ['this is 陈大文', 'this is [name]'],
    // Messaging handles.
    ['微信号 zhangsan_1988', '微信号 [im]'],
    ['加我微信：zhangsan_1988，谢谢', '加我微信：[im]，谢谢'],
    ['wechat: abc123', 'wechat: [im]'],
    ['WeChat ID is wxid_abc123', 'WeChat ID is [im]'],
    ['QQ 12345678', 'QQ [im]'],
    ['QQ号是12345678', 'QQ号是[im]'],
    ['line id: foo.bar', 'line id: [im]'],
    ['LINE: foo_bar', 'LINE: [im]'],
    ['whatsapp +852 9123 4567', 'whatsapp [phone]'],
    ['my telegram is @john_doe', 'my telegram is [im]'],
    ['ping @john_doe here', 'ping [im] here'],
    // A street address runs on over the buildings and rooms after it.
    ['家在朝阳区建国路88号SOHO现代城5号楼', '家在[address]'],
    ['家在朝阳区建国路88号SOHO现代城5号楼，冰箱坏了', '家在[address]，冰箱坏了'],
    ['送到朝阳区建国路88号SOHO现代城5号楼', '[address]'],
    ['建国路88号SOHO现代城5号楼 冰箱不制冷', '[address] 冰箱不制冷'],
    ['建国路88号冰箱不制冷', '[address]冰箱不制冷'],
    ['科技园路100号A座1203室', '[address]'],
    ['幸福路5号幸福花园3栋2单元，洗衣机漏水', '[address]，洗衣机漏水'],
  ])('redacts %j', (text, redacted) => {
    expect(redactPersonalData(text)).toBe(redacted);
  });

  it.each([
    '冰箱不制冷了，显示E21',
    'washer stops mid-cycle with E21',
    '型号BCD-215TDGA，2024-03-14买的',
    'model KFR-35GW/BP3DN8Y bought 3 months ago',
    '买了一年多了，压缩机一直响',
    'it costs 1999 yuan',
    '明天下午3点到5点',
    '订单20240314已付款',
    'BCD-470WDPG 冷藏室不制冷，显示E21',
    'this is BCD-470WDPG, bought 2024-03-14',
    'I am not sure, it shows E21',
    'i am fine, the washer is not',
    "I'm using model KFR-35GW/BP3DN8Y",
    'this is urgent',
    'freezer is at -18°C, fridge at 12 degrees',
    '冷冻室只有-5度，冷藏室15℃',
    '3 months ago it started',
    '三个月前开始的',
    '我是去年买的，用了三个月',
    '我是说冰箱不制冷',
    '我是在京东买的',
    '我是马上要用的',
    '我先生说冰箱有异味',
    '卫生间的热水器漏水',
    '水温太高，声音太大',
    '压缩机一直响，温度太高',
    'the water line is leaking',
    '微信支付的',
    'wechat me please',
    'QQ音乐打不开',
  ])('keeps %j, which holds no personal data', (text) => {
    expect(redactPersonalData(text)).toBe(text);
  });

  it.each([
    '我叫王小明，电话13812345678，邮箱a@b.cn',
    '我是李娜 微信号 lina_88，家在朝阳区建国路88号SOHO现代城5号楼',
    'Mr Chan, this is Peter Wong, QQ 12345678, @john_doe',
  ])('is idempotent on %j', (text) => {
    const once = redactPersonalData(text);
    expect(redactPersonalData(once)).toBe(once);
  });
});
