/**
 * Common Chinese surnames, as regular-expression source, for telling a name from an ordinary word
 * after 我是 / 我系 and before 先生 / 小姐 / 生 / 太. The single surnames cover the most frequent
 * two hundred or so in Simplified and Traditional script; compound ones come first in the pattern.
 */
const COMPOUND_SURNAMES = [
  '欧阳',
  '歐陽',
  '司马',
  '司馬',
  '诸葛',
  '諸葛',
  '上官',
  '东方',
  '東方',
  '慕容',
  '司徒',
  '令狐',
  '皇甫',
  '尉迟',
  '尉遲',
  '公孙',
  '公孫',
  '夏侯',
  '端木',
  '宇文',
];

const SINGLE_SURNAMES =
  '王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔汤湯常温溫康施文牛樊葛邢安齐齊乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿兰蘭俞柳甘祝舒阮柯梅童凌毕畢裴霍涂苗骆駱蓝藍辛靳柴蒙鲍鮑喻祁蒲滕饶饒艾尤穆卓缪繆麦麥褚娄婁窦竇戚岑宫宮卜晏卫衛柏瞿桂佟臧闵閔邬鄔卞姬仇栾欒隋刁巫寇桑郎甄仲虞敖巩鞏佘邝鄺';

/** One Chinese surname, compound or single. */
export const ZH_SURNAME = `(?:${COMPOUND_SURNAMES.join('|')}|[${SINGLE_SURNAMES}])`;
